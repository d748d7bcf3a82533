"""Documentation helper: PNG files above LIMIT kB are rewritten with a 256-colour palette
(Pillow), which keeps window screenshots readable at about a third of the size.

    python docs/tools/shrink_png.py [--limit 250] FILE.png [...]

The palette holds the 96 most frequent colours exactly (backgrounds, panels, text) and a
median cut over the image's distinct colours for the rest. A plain median cut weighs
colours by pixel count, so a thin curve's hue (the green accuracy line) would be merged
into a neighbour's (the blue loss line).
"""
import argparse
import os

import numpy as np
from PIL import Image

KEEP = 96          # most frequent colours kept exactly


def quantize(im: Image.Image) -> Image.Image:
    rgb = np.asarray(im.convert("RGB"))
    flat = rgb.reshape(-1, 3).astype(np.int32)
    key = (flat[:, 0] << 16) | (flat[:, 1] << 8) | flat[:, 2]
    colours, inverse, counts = np.unique(key, return_inverse=True, return_counts=True)
    ucol = np.stack([(colours >> 16) & 255, (colours >> 8) & 255, colours & 255], 1)
    palette = [tuple(int(v) for v in ucol[i]) for i in np.argsort(-counts)[:KEEP]]
    # median cut over the distinct colours, each counted once
    strip = Image.fromarray(ucol.astype(np.uint8)[None, :, :], "RGB")
    rest = strip.quantize(colors=256 - KEEP, method=Image.Quantize.MEDIANCUT, kmeans=3).getpalette()
    seen = set(palette)
    for i in range(0, 3 * (256 - KEEP), 3):
        c = tuple(rest[i:i + 3])
        if len(c) == 3 and c not in seen:
            palette.append(c)
            seen.add(c)
    pal = np.array(palette, dtype=np.int32)
    index = np.empty(len(ucol), dtype=np.uint8)
    for i in range(0, len(ucol), 2048):          # nearest palette entry of each distinct colour
        d = ((ucol[i:i + 2048, None, :] - pal[None, :, :]) ** 2).sum(2)
        index[i:i + 2048] = d.argmin(1)
    out = Image.fromarray(index[inverse.reshape(-1)].reshape(rgb.shape[:2]), "P")
    out.putpalette([v for c in palette for v in c])
    return out


p = argparse.ArgumentParser()
p.add_argument("--limit", type=int, default=250)
p.add_argument("files", nargs="+")
a = p.parse_args()
for f in a.files:
    before = os.path.getsize(f)
    if before <= a.limit * 1024:
        continue
    quantize(Image.open(f)).save(f, optimize=True)
    print(f"{f}: {before // 1024} kB -> {os.path.getsize(f) // 1024} kB (256 colours)")
