"""`python -m mediation_desk` runs the same entry point as the `mediation-desk` command."""

import sys

from mediation_desk.cli import main

# The guard matters: worker processes (spawned by the demo generator) import this module
# as __mp_main__ and must not start another program.
if __name__ == "__main__":
    sys.exit(main())
