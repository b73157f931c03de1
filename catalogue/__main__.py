import sys

from catalogue.tools.cli import main

sys.exit(main())
