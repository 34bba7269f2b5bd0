#!/usr/bin/env python3
"""Draws docs/images/stack.svg from an /actuator/middleware answer (docs/images/stack.json).

The chain top to bottom as requests pass it: the stack block, then the filters outside it,
then the handler; each row with its position, name, class, verdict and applied mode.
Standard library only. To redraw from a running application:

    curl -s localhost:8080/actuator/middleware | python3 -m json.tool --indent 2 > docs/images/stack.json
    python3 docs/images/draw-stack.py

Only plain shapes and text with inline attributes and a white background, so that GitHub
(which shows SVG as an image, in light and dark themes) renders it as drawn.
"""

import json
import os
import sys
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))

WIDTH = 860
ROW_H = 44
ROW_GAP = 8
BOX_LEFT = 96
BOX_RIGHT = WIDTH - 96
SANS = "-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif"
MONO = "'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace"

PLACEMENT_FILL = {"stack": "#e8f0fe", "framework": "#f1f3f4", "outside-stack": "#fef7e0"}
PLACEMENT_STROKE = {"stack": "#4a7fd6", "framework": "#9aa0a6", "outside-stack": "#e0a800"}
VERDICT_COLOURS = {  # fill, text
	"non-blocking": ("#e6f4ea", "#137333"),
	"blocking": ("#fce8e6", "#c5221f"),
	"sync-hooks": ("#fef7e0", "#b06000"),
}
MODE_COLOURS = {
	"direct": ("#f1f3f4", "#3c4043"),
	"adapt": ("#fef7e0", "#b06000"),
	"isolate": ("#f3e8fd", "#8430ce"),
}
SOURCE_LABELS = {"static-analysis": "bytecode scan", "declared": "declared", "not-analysed": "not analysed"}


def short_name(name):
	"""A bean name qualified by a class ('a.b.Config.FilterBean') shows as its last part."""
	return name.rsplit(".", 1)[-1] if "." in name and "-" not in name else name


def simple_class(class_name):
	return class_name.rsplit(".", 1)[-1].replace("$", ".")


def text(x, y, content, size=13, weight="normal", fill="#202124", family=SANS, anchor="start"):
	return (f'<text x="{x}" y="{y}" font-family="{family}" font-size="{size}" font-weight="{weight}" '
			f'fill="{fill}" text-anchor="{anchor}">{escape(str(content))}</text>')


def pill(x, y, width, label, colours):
	fill, ink = colours
	return (f'<rect x="{x}" y="{y}" width="{width}" height="22" rx="11" fill="{fill}" stroke="{ink}" stroke-width="0.8"/>'
			+ text(x + width / 2, y + 15, label, size=12, fill=ink, anchor="middle"))


def arrow_down(x, y1, y2, colour):
	return (f'<line x1="{x}" y1="{y1}" x2="{x}" y2="{y2 - 8}" stroke="{colour}" stroke-width="2"/>'
			f'<polygon points="{x - 6},{y2 - 10} {x + 6},{y2 - 10} {x},{y2}" fill="{colour}"/>')


def arrow_up(x, y1, y2, colour):
	return (f'<line x1="{x}" y1="{y1}" x2="{x}" y2="{y2 + 8}" stroke="{colour}" stroke-width="2"/>'
			f'<polygon points="{x - 6},{y2 + 10} {x + 6},{y2 + 10} {x},{y2}" fill="{colour}"/>')


def row(entry, y):
	placement = entry["placement"]
	out = [f'<rect x="{BOX_LEFT}" y="{y}" width="{BOX_RIGHT - BOX_LEFT}" height="{ROW_H}" rx="6" '
		   f'fill="{PLACEMENT_FILL.get(placement, "#ffffff")}" stroke="{PLACEMENT_STROKE.get(placement, "#9aa0a6")}" stroke-width="1"/>']
	cx, cy = BOX_LEFT + 22, y + ROW_H / 2
	out.append(f'<circle cx="{cx}" cy="{cy}" r="12" fill="#ffffff" stroke="{PLACEMENT_STROKE.get(placement, "#9aa0a6")}"/>')
	out.append(text(cx, cy + 4.5, entry["position"], size=12, weight="bold", fill="#3c4043", anchor="middle"))
	out.append(text(BOX_LEFT + 46, y + 19, short_name(entry["name"]), size=14, weight="bold", family=MONO))
	detail = simple_class(entry["className"])
	if placement != "stack":
		order = entry["order"]
		detail += "  ·  order " + ("last" if order == 2147483647 else str(order))
	out.append(text(BOX_LEFT + 46, y + 35, detail, size=11, fill="#5f6368"))
	verdict = entry["verdict"]
	kind = verdict["kind"]
	label = f'{kind} ({SOURCE_LABELS.get(verdict["source"], verdict["source"])})'
	mode = entry["mode"]["applied"]
	mode_x = BOX_RIGHT - 12 - 76
	verdict_x = mode_x - 8 - 196
	out.append(pill(verdict_x, y + 11, 196, label, VERDICT_COLOURS.get(kind, VERDICT_COLOURS["sync-hooks"])))
	out.append(pill(mode_x, y + 11, 76, mode, MODE_COLOURS.get(mode, MODE_COLOURS["direct"])))
	return out


def group_label(y, label, note):
	return [text(BOX_LEFT, y, label, size=13, weight="bold", fill="#3c4043"),
			text(BOX_RIGHT, y, note, size=11, fill="#5f6368", anchor="end")]


def draw(answer):
	entries = sorted(answer["entries"], key=lambda e: e["position"])
	stack = [e for e in entries if e["placement"] == "stack"]
	others = [e for e in entries if e["placement"] != "stack"]
	parts = []
	y = 28
	parts.append(text(WIDTH / 2, y, "The chain, as GET /actuator/middleware answers it", size=18, weight="bold", anchor="middle"))
	y += 20
	parts.append(text(WIDTH / 2, y, f'sample-app, default configuration · async-middleware.mode: {answer["mode"]} · '
					  f'stack order {answer["order"]}', size=12, fill="#5f6368", anchor="middle"))
	top = y + 22
	y = top + 16

	if stack:
		parts += group_label(y, "async-middleware.stack", f'one block at order {answer["order"]}, in the listed order')
		y += 10
		frame_top = y
		y += 10
		for entry in stack:
			parts += row(entry, y)
			y += ROW_H + ROW_GAP
		frame_bottom = y + 2
		parts.insert(0, f'<rect x="{BOX_LEFT - 10}" y="{frame_top}" width="{BOX_RIGHT - BOX_LEFT + 20}" '
						f'height="{frame_bottom - frame_top}" rx="10" fill="none" stroke="#4a7fd6" stroke-width="1.5" stroke-dasharray="6 4"/>')
		y += 26
	if others:
		parts += group_label(y, "outside the stack", "each at its own order: Spring's filters (framework), yours (outside-stack)")
		y += 20
		for entry in others:
			parts += row(entry, y)
			y += ROW_H + ROW_GAP
		y += 4
	# the handler
	parts.append(f'<rect x="{BOX_LEFT}" y="{y}" width="{BOX_RIGHT - BOX_LEFT}" height="{ROW_H}" rx="6" fill="#ffffff" '
				 f'stroke="#3c4043" stroke-width="1.2" stroke-dasharray="4 3"/>')
	parts.append(text(WIDTH / 2, y + 27, "handler (your @Controller or router function)", size=14, weight="bold", anchor="middle"))
	bottom = y + ROW_H
	# request down the left, response up the right
	parts.append(arrow_down(44, top + 10, bottom, "#1a73e8"))
	parts.append(text(44, top, "request", size=12, weight="bold", fill="#1a73e8", anchor="middle"))
	parts.append(arrow_up(WIDTH - 44, bottom, top + 10, "#188038"))
	parts.append(text(WIDTH - 44, top, "response", size=12, weight="bold", fill="#188038", anchor="middle"))
	y = bottom + 30
	# legend
	lx = BOX_LEFT
	legend = [("stack", "in async-middleware.stack"), ("framework", "Spring's own filter"),
			  ("outside-stack", "a filter bean not listed")]
	for placement, label in legend:
		parts.append(f'<rect x="{lx}" y="{y - 11}" width="14" height="14" rx="3" fill="{PLACEMENT_FILL[placement]}" '
					 f'stroke="{PLACEMENT_STROKE[placement]}"/>')
		parts.append(text(lx + 20, y, f"{placement}: {label}", size=11, fill="#3c4043"))
		lx += 210
	y += 22
	parts.append(text(BOX_LEFT, y, "verdict: non-blocking / blocking / sync-hooks, and how it was reached;  "
					  "mode: direct (on the event loop), adapt or isolate", size=11, fill="#5f6368"))
	y += 18
	parts.append(text(BOX_LEFT, y, "drawn by docs/images/draw-stack.py from docs/images/stack.json", size=11, fill="#5f6368"))
	height = y + 16
	head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
			f'role="img" aria-label="The middleware chain in order, with each entry\'s verdict and mode">'
			f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>')
	return head + "\n" + "\n".join(parts) + "\n</svg>\n"


def main():
	source = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "stack.json")
	target = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "stack.svg")
	with open(source, encoding="utf-8") as f:
		answer = json.load(f)
	with open(target, "w", encoding="utf-8") as f:
		f.write(draw(answer))
	print(f"wrote {target}")


if __name__ == "__main__":
	main()
