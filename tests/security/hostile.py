"""Constants of the hostile-input suite."""

from __future__ import annotations

#: What the runner's secrets look like in these tests: never to appear in any output.
SECRET = "ghp_SECRETTOKEN0123456789"
#: A draft line that fires a built-in rule.
BAD = "The police investigate care gangs.\n"
