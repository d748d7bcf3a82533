"""nnsim: a visual neural-network simulator for teaching."""
