#!/usr/bin/env python3
"""nnsim: python main.py [FILE|LESSON] opens the app; see `python main.py --help`."""
from simulator.app import main

if __name__ == "__main__":
    raise SystemExit(main())
