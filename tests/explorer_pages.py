"""What the explorer tests share: the two pages, the widget's numbers, where a point is on screen."""

import json

ONE = "gradient-descent/"  # the one-weight explorer's page
TWO = "one-neuron-fit/"  # the two-weight explorer's page


def widget_data(page, kind: str) -> dict:
    """The numbers the explorer of this kind computes with (its data-explorer attribute)."""
    return json.loads(page.locator(f'.explorer[data-kind="{kind}"]').get_attribute("data-explorer"))


def screen_point(page, root, w1: float, w2: float) -> tuple[float, float]:
    """Where (w1, w2) is on screen, from the drawn axes and the handle's aria-valuemin/max."""
    axes = root.locator("line.ex-axis")
    horizontal, vertical = axes.nth(0).bounding_box(), axes.nth(1).bounding_box()
    handle = root.locator(".ex-handle")
    lo, hi = float(handle.get_attribute("aria-valuemin")), float(handle.get_attribute("aria-valuemax"))
    x = horizontal["x"] + (w1 - lo) / (hi - lo) * horizontal["width"]
    y = vertical["y"] + (hi - w2) / (hi - lo) * vertical["height"]
    return x, y


def drag_to(page, root, w1, w2):
    """Drag the start point to (w1, w2) with the mouse, as a reader does."""
    root.locator("svg").first.scroll_into_view_if_needed()
    box = root.locator(".ex-hit").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(*screen_point(page, root, w1, w2), steps=4)
    page.mouse.up()
