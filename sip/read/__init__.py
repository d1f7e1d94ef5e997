"""Reading plans: finding the files, bytes to plain data with a position for every node
(YAML 1.2 scalars, the format's limits), and how a node's path is written."""
