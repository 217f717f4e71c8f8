"""The command line: argparse wiring in `parser`, one module per command group."""
