"""Axes for the charts: tick values (linear from zero, or log-scaled) and numbers as the charts print them."""
import math

STEPS = (1, 2, 5, 10)  # a tick step is one of these times a power of ten


def nice_step(span, count=5):
    """The step of 1, 2 or 5 times a power of ten that cuts span (> 0) into at most about count parts."""
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in STEPS if raw <= m * power * (1 + 1e-9))


def linear_ticks(top):
    """Ticks from 0 up to the first multiple of a nice step at or above top (> 0)."""
    step = nice_step(top)
    return [i * step for i in range(math.ceil(top / step - 1e-9) + 1)]


def log_ticks(low, high):
    """Ticks for a log axis over [low, high] (0 < low <= high): 1, 2 and 5 times powers of ten when the
    values span less than three decades, powers of ten alone otherwise; the first tick is at or below
    low, the last at or above high."""
    first, last = math.floor(math.log10(low) + 1e-9), math.ceil(math.log10(high) - 1e-9)
    last = max(last, first + 1)
    factors = (1, 2, 5) if last - first < 3 else (1,)
    candidates = [m * 10 ** k for k in range(first, last + 1) for m in factors if m * 10 ** k <= 10 ** last]
    below = max(c for c in candidates if c <= low * (1 + 1e-9))
    above = min(c for c in candidates if c >= high * (1 - 1e-9))
    ticks = [c for c in candidates if below <= c <= above]
    return ticks if len(ticks) > 1 else [below, next(c for c in candidates if c > below)]


def figure(value):
    """A measured value as printed beside its bar or point: 9,447 / 123.8 / 4.43 / 0.031."""
    size = abs(value)
    if size >= 1000:
        return f"{value:,.0f}"
    if size >= 10:
        return f"{value:.1f}"
    if size >= 1 or value == 0:
        return f"{value:.2f}"
    return f"{value:.2g}" if size >= 1e-4 else f"{value:.1e}"


def tick_label(value, step):
    """A linear axis tick: as many decimals as the step has."""
    decimals = max(0, -math.floor(math.log10(step) + 1e-9)) if step < 1 else 0
    return f"{value:,.{decimals}f}"


def compact(value):
    """A log axis tick: 100, 2k, 10k, 1M."""
    for scale, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if value >= scale:
            return f"{value / scale:g}{suffix}"
    return f"{value:g}"
