"""`python -m langgraph_salessim` runs the `salessim` command line."""

import sys

from langgraph_salessim.cli import main

sys.exit(main())
