"""Find the conflicting claims of a series in n log n, and name the fewest claims that explain them.

A series is a list of claims sorted by date. In an *ordered* series (a running total) an earlier
claim conflicts with a later one lying wholly below it; in an *unordered* one (claims for one day)
any two disjoint claims conflict. Counting each claim's conflicts uses sorted keys and a Fenwick
tree, never all pairs. The claim whose removal resolves the most conflicts is named wrong first,
then the next among the rest, until none is left (a greedy cover of the conflict graph).
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from figcheck.checks.intervals import INF, Interval
from figcheck.checks.series import EDIT_PRIOR, precise, slips
from figcheck.model import Claim

BoundKey = tuple[float, int]
TIES_TRIED = 8
"""How many claims tied on conflicts get their typo mend tried; the rest keep date order."""


def low_key(iv: Interval) -> BoundKey:
    return (iv.low, 2 if iv.low_open else 1)


def high_key(iv: Interval) -> BoundKey:
    """``high_key(b) < low_key(a)`` exactly when b lies wholly below a (``Interval.below``)."""
    return (iv.high, 0 if iv.high_open else 1)


class Fenwick:
    """Prefix counts over ranks 0..n-1 in log n per step."""

    def __init__(self, n: int) -> None:
        self.tree = [0] * (n + 1)

    def add(self, rank: int) -> None:
        i = rank + 1
        while i < len(self.tree):
            self.tree[i] += 1
            i += i & -i

    def below(self, rank: int) -> int:
        """How many added ranks are < ``rank``."""
        total, i = 0, rank
        while i > 0:
            total += self.tree[i]
            i -= i & -i
        return total


@dataclass
class Resolution:
    """One claim named likely wrong, the claims it conflicts with, and the edit that would mend it."""

    wrong: Claim
    others: list[Claim]
    fix: tuple[float, str] | None


Reader = Callable[[Claim, float | None], Interval]
"""The interval a claim asserts, in the series' unit; with a value, as if the figure were that value."""


class Series:
    """One series of claims, sorted by date, read as intervals in one unit."""

    def __init__(self, members: list[Claim], read: Reader, ordered: bool) -> None:
        self.members = members
        self.ordered = ordered
        self.read = read
        ivs = [read(c, None) for c in members]
        self.lk = [low_key(iv) for iv in ivs]
        self.hk = [high_key(iv) for iv in ivs]
        self.day = [c.as_of.toordinal() if ordered and c.as_of else 0 for c in members]

    def conflicts(self, i: int, j: int) -> bool:
        if self.ordered:
            if self.day[i] == self.day[j]:
                return False
            early, late = (i, j) if self.day[i] < self.day[j] else (j, i)
            return self.hk[late] < self.lk[early]
        return self.hk[i] < self.lk[j] or self.hk[j] < self.lk[i]

    def any_conflict(self) -> bool:
        """O(n): a later high below the highest earlier low (ordered), or any high below any low."""
        if not self.ordered:
            return bool(self.members) and min(self.hk) < max(self.lk)
        best: BoundKey = (-INF, 0)
        i, n = 0, len(self.members)
        while i < n:
            j = i
            while j < n and self.day[j] == self.day[i]:
                if self.hk[j] < best:
                    return True
                j += 1
            best = max(best, *self.lk[i:j])
            i = j
        return False

    def degrees(self) -> list[int]:
        """Each claim's number of conflicts, in n log n."""
        n = len(self.members)
        if not self.ordered:
            his, los = sorted(self.hk), sorted(self.lk)
            return [
                bisect_left(his, self.lk[i]) + (n - bisect_right(los, self.hk[i]))
                - (2 if self.hk[i] < self.lk[i] else 0)
                for i in range(n)
            ]
        ranks = sorted(set(self.lk) | set(self.hk))
        rank = {k: r for r, k in enumerate(ranks)}
        deg = [0] * n
        # Forward: earlier claims whose low stands above my high.
        tree, seen, i = Fenwick(len(ranks)), 0, 0
        while i < n:
            j = i
            while j < n and self.day[j] == self.day[i]:
                deg[j] += seen - tree.below(rank[self.hk[j]] + 1)
                j += 1
            for k in range(i, j):
                tree.add(rank[self.lk[k]])
            seen += j - i
            i = j
        # Backward: later claims whose high stands below my low.
        tree, j = Fenwick(len(ranks)), n
        while j > 0:
            i = j
            while i > 0 and self.day[i - 1] == self.day[j - 1]:
                i -= 1
                deg[i] += tree.below(rank[self.lk[i]])
            for k in range(i, j):
                tree.add(rank[self.hk[k]])
            j = i
        return deg

    def prepare(self, involved: list[int]) -> None:
        """Bounds from the claims in no conflict (they stay in the series), so that the window a
        mended claim must fit is found by scanning the involved claims only."""
        n = len(self.members)
        self.involved = involved
        quiet = [True] * n
        for i in involved:
            quiet[i] = False
        self.pre: list[BoundKey] = [(-INF, 0)] * (n + 1)
        for k in range(n):
            self.pre[k + 1] = max(self.pre[k], self.lk[k]) if quiet[k] else self.pre[k]
        self.suf: list[BoundKey] = [(INF, 2)] * (n + 1)
        for k in range(n - 1, -1, -1):
            self.suf[k] = min(self.suf[k + 1], self.hk[k]) if quiet[k] else self.suf[k + 1]
        # The nearest claim in no conflict, by date, anchors how far off an involved claim lies.
        self.anchor: list[int | None] = [None] * n
        last = None
        for k in range(n):
            last = k if quiet[k] else last
            self.anchor[k] = last
        last = None
        for k in range(n - 1, -1, -1):
            last = k if quiet[k] else last
            a = self.anchor[k]
            if last is not None and (a is None or last - k < k - a):
                self.anchor[k] = last
        self.start, self.stop = [0] * n, [n] * n
        i = 0
        while i < n:
            j = i
            while j < n and self.day[j] == self.day[i]:
                j += 1
            for k in range(i, j):
                self.start[k], self.stop[k] = i, j
            i = j

    def window(self, i: int, alive: list[bool]) -> tuple[BoundKey, BoundKey]:
        """The highest low a mended claim i must reach and the lowest high it must stay under."""
        if self.ordered:
            floor, ceiling = self.pre[self.start[i]], self.suf[self.stop[i]]
        else:
            floor, ceiling = self.pre[-1], self.suf[0]
        for k in self.involved:
            if k == i or not alive[k]:
                continue
            if not self.ordered or self.day[k] < self.day[i]:
                floor = max(floor, self.lk[k])
            if not self.ordered or self.day[k] > self.day[i]:
                ceiling = min(ceiling, self.hk[k])
        return floor, ceiling

    def drift(self, i: int) -> int:
        """How many times ×1.5 claim i stands from the nearest claim in no conflict (0 if none):
        a figure far off the quiet part of its series is the likelier slip."""
        a = self.anchor[i]
        if a is None:
            return 0
        x, y = self.members[i].value, self.members[a].value
        if x <= 0 or y <= 0:
            return 0
        return int(abs(math.log(x / y)) / math.log(1.5))

    def mend(self, i: int, alive: list[bool]) -> tuple[float, str] | None:
        """The likeliest single edit of claim i's digits that makes it fit the rest of the series."""
        floor, ceiling = self.window(i, alive)
        c = self.members[i]
        fitting = [
            (value, kind) for value, kind in slips(c)
            if not high_key(self.read(c, value)) < floor and not ceiling < low_key(self.read(c, value))
        ]
        if not fitting:
            return None
        # Among equally likely slips, the value that sits best in the series: what the other
        # reports of the same day say, else the middle of the room its neighbours leave
        # (23,210 rather than 23,121 between 23,084 and 23,357 when a copy of the day says 23,210).
        same_day = sorted(self.members[k].value for k in range(self.start[i], self.stop[i])
                          if k != i and alive[k] and precise(self.members[k]))
        bounds = [b for b in (floor[0], ceiling[0]) if math.isfinite(b)]
        target = (same_day[len(same_day) // 2] if same_day
                  else sum(bounds) / len(bounds) if bounds else c.value)
        best = EDIT_PRIOR[fitting[0][1]]
        return min((f for f in fitting if EDIT_PRIOR[f[1]] == best), key=lambda f: abs(f[0] - target))

    def resolve(self) -> list[Resolution]:
        if len(self.members) < 2 or not self.any_conflict():
            return []
        deg = self.degrees()
        involved = [i for i, d in enumerate(deg) if d]
        self.prepare(involved)
        alive = [True] * len(self.members)
        heap = [(-deg[i], i) for i in involved]
        heapq.heapify(heap)
        out = []
        while heap:
            top = heap[0][0]
            if top == 0:
                break
            tied: list[int] = []
            while heap and heap[0][0] == top and len(tied) < TIES_TRIED:
                d, i = heapq.heappop(heap)
                if alive[i] and -d == deg[i]:
                    tied.append(i)
            if not tied:
                continue
            mends = {i: self.mend(i, alive) for i in tied} if len(tied) > 1 else {tied[0]: None}
            pick = max(tied, key=lambda i: (self.drift(i), EDIT_PRIOR[mends[i][1]] if mends[i] else 0.0, -i))
            for i in tied:
                if i != pick:
                    heapq.heappush(heap, (-deg[i], i))
            fix = mends[pick] if len(tied) > 1 else self.mend(pick, alive)
            alive[pick] = False
            others = [k for k in involved if alive[k] and self.conflicts(pick, k)]
            for k in others:
                deg[k] -= 1
                heapq.heappush(heap, (-deg[k], k))
            deg[pick] = 0
            if not any(precise(self.members[k]) for k in others):
                fix = None  # only a figure given in full is evidence of which digits slipped
            out.append(Resolution(self.members[pick], [self.members[k] for k in others], fix))
        return out
