"""`python -m mediation_desk` runs the same entry point as the `mediation-desk` command."""

import sys

from mediation_desk.cli import main

sys.exit(main())
