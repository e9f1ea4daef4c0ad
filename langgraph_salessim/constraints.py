"""Machine-checkable persona criteria: hard constraints and weighted soft preferences."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Operator = Literal["<", "<=", ">", ">=", "==", "!=", "in", "not_in", "contains", "not_contains"]
"""Comparison operators a constraint may use.

`in`/`not_in` test the product's value (any of its values, for a list-valued attribute)
against a list given in the constraint;
`contains`/`not_contains` test whether a list-valued product attribute holds the value.
"""

OPERATORS: tuple[str, ...] = Operator.__args__  # type: ignore[attr-defined]
_ORDERED = {"<", "<=", ">", ">="}


class Constraint(BaseModel):
    """A hard criterion (dealbreaker) on one product attribute, e.g. `ram_gb >= 16`.

    `attribute` is a key of `Product.attributes`, or `price`.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    attribute: str = Field(min_length=1, description="Product attribute name, or 'price'.")
    operator: Operator = Field(description="Comparison operator.")
    value: Any = Field(description="Value compared with the product's attribute.")

    @field_validator("value")
    @classmethod
    def _check_value(cls, value: Any, info: Any) -> Any:
        op = info.data.get("operator")
        if op in ("in", "not_in") and not isinstance(value, list):
            raise ValueError(f"operator {op!r} needs a list value, got {value!r}")
        if op in _ORDERED and (isinstance(value, bool) or not isinstance(value, (int, float))):
            raise ValueError(f"operator {op!r} needs a number, got {value!r}")
        return value

    def holds(self, attributes: dict[str, Any]) -> bool:
        """Whether a product with these attributes satisfies the constraint.

        A product that lacks the attribute fails every constraint on it except
        the negative ones (`!=`, `not_in`, `not_contains`).
        """
        if self.attribute not in attributes or attributes[self.attribute] is None:
            return self.operator in ("!=", "not_in", "not_contains")
        return _compare(attributes[self.attribute], self.operator, self.value)

    def describe(self) -> str:
        """A compact, unambiguous rendering such as `ram_gb >= 16`."""
        return f"{self.attribute} {self.operator} {self.value!r}"


class SoftConstraint(Constraint):
    """A weighted preference: satisfying it adds `weight` to a product's preference score."""

    weight: float = Field(default=1.0, gt=0, description="Relative importance of this preference.")


def _norm(value: Any) -> Any:
    return value.strip().lower() if isinstance(value, str) else value


def _compare(actual: Any, op: str, expected: Any) -> bool:
    if op in _ORDERED:
        if isinstance(actual, bool) or not isinstance(actual, (int, float)):
            return False
        return {
            "<": actual < expected,
            "<=": actual <= expected,
            ">": actual > expected,
            ">=": actual >= expected,
        }[op]
    if op in ("==", "!="):
        equal = _norm(actual) == _norm(expected)
        return equal if op == "==" else not equal
    if op in ("in", "not_in"):
        # a list-valued attribute is "in" the list when any of its values is
        allowed = [_norm(v) for v in expected]
        values = actual if isinstance(actual, (list, tuple, set)) else [actual]
        inside = any(_norm(v) in allowed for v in values)
        return inside if op == "in" else not inside
    # contains / not_contains: list-valued attribute (a string is checked as a substring)
    if isinstance(actual, (list, tuple, set)):
        found = _norm(expected) in [_norm(v) for v in actual]
    else:
        found = str(_norm(expected)) in str(_norm(actual))
    return found if op == "contains" else not found


def satisfies_all(attributes: dict[str, Any], constraints: list[Constraint]) -> bool:
    """Whether every constraint holds for these attributes."""
    return all(c.holds(attributes) for c in constraints)


def preference_score(attributes: dict[str, Any], soft: list[SoftConstraint]) -> float:
    """Sum of the weights of the soft constraints these attributes satisfy."""
    return sum(s.weight for s in soft if s.holds(attributes))
