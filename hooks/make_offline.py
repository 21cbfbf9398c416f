"""`make offline`: zip the built site so that it reads from disk. Usage: make_offline.py SITE ZIP"""

from __future__ import annotations

import sys
from pathlib import Path

from unhabitat.offline import offline_zip

if __name__ == "__main__":
    site, target = Path(sys.argv[1]), Path(sys.argv[2])
    print(offline_zip(site, target))
