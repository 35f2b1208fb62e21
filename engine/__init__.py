"""imrcheck: check California workers' compensation requests and IMR determinations against
guideline criteria written as YAML rules.

The letter flows one way: documents -> letters -> requests -> facts -> rules -> evaluate -> compare
-> report. Each stage is one module named for it.
"""

__version__ = "0.1.0"
