"""The training worker thread: commands in, immutable snapshots out. The only place that
makes threads."""
