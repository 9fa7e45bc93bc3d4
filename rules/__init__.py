"""reslint's built-in rule families (installed as ``reslint_rules``).

Each sub-package is one family and one pluggy plugin, registered through the ``reslint``
entry-point group exactly as a third-party plugin would be. Rules import only
:mod:`reslint.api`.
"""
