"""Issue 20, pinned: the engine's mutation survivors (docs/testing.md, "Mutation score of
the engine"). Each test here was written against a mutant of ``src/acupoints/engine/``
that every other engine test let pass; its docstring names the wrong answer it catches.
bench/mutation_fork.py runs this file against every engine module's mutants.
"""

from __future__ import annotations
