#!/usr/bin/env python3
"""One-off: assembles docs/validation-rules.md from the per-area drafts in docs/rules/."""
import os
here = os.path.dirname(os.path.abspath(__file__))
areas = ["loading.md", "names.md", "references.md", "model.md", "expressions.md"]
parts = []
for name in areas:
    path = os.path.join(here, name)
    if not os.path.exists(path):
        continue
    lines, fenced = [], False
    for line in open(path).read().splitlines():
        if line.startswith("```"):
            fenced = not fenced
        if not fenced and line.startswith("#"):
            line = "#" + line
        lines.append(line)
    parts.append("\n".join(lines).strip() + "\n")
print("\n".join(parts))
