"""Draw the application icon: a red shield with a white check mark (文明 on the large sizes).

    .venv/bin/python packaging/make_icon.py

Writes packaging/icons/inspector-app.png (256 px), inspector-app.ico (16–256 px, for the
Windows program and installer) and hicolor/<n>x<n>/apps/inspector-app.png for the Linux
desktop. Each size is drawn at 8× and scaled down, and the small sizes get a bolder check
and no text, so the icon stays legible at 16 px. The files are committed; run this again
only to change the drawing.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
OUT = HERE / "icons"
FONT = HERE.parent / "resources" / "fonts" / "wqy-microhei.ttc"
NAME = "inspector-app"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256)
SCALE = 8  # drawn at 8× the size, then scaled down: smooth edges without blur

RED = (192, 32, 38, 255)  # 中国红, a little deeper than the flag's
RED_DARK = (140, 18, 24, 255)
GOLD = (244, 196, 48, 255)
WHITE = (255, 255, 255, 255)


Point = tuple[float, float]


def _bezier(p0: Point, c: Point, p1: Point, n: int = 24) -> list[Point]:
    """Points along the quadratic Bézier curve from p0 to p1 pulled towards c."""
    return [
        (
            (1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * c[0] + t**2 * p1[0],
            (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * c[1] + t**2 * p1[1],
        )
        for t in (i / n for i in range(n + 1))
    ]


def shield(inset: float = 0.0) -> list[Point]:
    """The shield's outline in unit coordinates (0..1), `inset` inside the outer edge."""
    left, right, top, shoulder, tip = 0.12 + inset, 0.88 - inset, 0.07 + inset, 0.16, 0.95 - inset
    path = [*_bezier((left, shoulder + inset), (0.5, top - 0.05), (right, shoulder + inset))]
    path += [(right, 0.50)]
    path += _bezier((right, 0.50), (right, 0.80), (0.5, tip))
    path += _bezier((0.5, tip), (left, 0.80), (left, 0.50))
    return path


def draw(size: int) -> Image.Image:
    px = size * SCALE
    img = Image.new("RGBA", (px, px), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)

    def pts(path: list[Point]) -> list[Point]:
        return [(x * px, y * px) for x, y in path]

    small = size < 48
    d.polygon(pts(shield()), fill=RED_DARK)  # the rim
    d.polygon(pts(shield(0.035 if small else 0.03)), fill=RED)
    if not small:
        # a thin gold line inside the rim, as on a badge
        d.line([*pts(shield(0.06)), pts(shield(0.06))[0]], fill=GOLD, width=max(1, px // 64))

    with_text = size >= 128
    # the check mark: bolder when small, lower when 文明 sits above it
    y = 0.10 if with_text else 0.0
    check = [(0.30, 0.50 + y), (0.45, 0.65 + y), (0.71, 0.36 + y)]
    width = (0.15 if small else 0.11) * px
    d.line(pts(check), fill=WHITE, width=round(width), joint="curve")
    for cx, cy in pts([check[0], check[-1]]):  # round ends
        r = width / 2
        d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=WHITE)

    if with_text:
        font = ImageFont.truetype(str(FONT), round(0.17 * px))
        d.text((0.5 * px, 0.30 * px), "文明", font=font, fill=GOLD, anchor="mm")
    return img.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    images = {size: draw(size) for size in sorted({*ICO_SIZES, *HICOLOR_SIZES})}
    images[256].save(OUT / f"{NAME}.png", optimize=True)
    images[256].save(
        OUT / f"{NAME}.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != 256],
    )
    for size in HICOLOR_SIZES:
        folder = OUT / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        images[size].save(folder / f"{NAME}.png", optimize=True)
    print(f"icons written to {OUT}")


if __name__ == "__main__":
    main()
