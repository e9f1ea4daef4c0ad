"""The offline agenda-based shopper: no model, no network, deterministic for a seed (DESIGN §5).

It opens vaguely with one or two criteria, reveals one more each time it is asked or
rejects a product, checks every recommended product against its constraints (reading
visual-only attributes from the product image's pixels through `inspect_image`), buys
the acceptable product that best fits its soft preferences, and leaves when told nothing
fits or after repeated unsuitable rounds.

A persona without constraints (an official SalesSim persona) is played in *oracle mode*:
its criteria are the sentences of its dealbreakers and preferences, and a product is
acceptable when it is in the persona's `acceptable_products`.
"""

from __future__ import annotations

import base64
import random
import re
from dataclasses import dataclass
from typing import Any

from langchain_core.messages import AIMessage, HumanMessage, ToolMessage

from langgraph_salessim.catalog import Catalog, Product
from langgraph_salessim.constraints import preference_score, satisfies_all
from langgraph_salessim.images import read_visual_attributes
from langgraph_salessim.matching import candidate_mentions
from langgraph_salessim.personas import Persona
from langgraph_salessim.seats import ShopperReply, ShopperView
from langgraph_salessim.vocab import say_constraint, shopping_for

_NOTHING_FITS = re.compile(
    r"look elsewhere|somewhere else|another store|nothing (?:in our|we have|that)|(?:don't|do not) (?:have|carry)|"
    r"no (?:products?|options?|\w+s) (?:that )?(?:match|fit|meet)|none of our", re.I)
_OPENERS = ["Hi! I'm shopping for {c}.", "Hello, I'm looking for {c}.", "Hey there, I need {c}.",
            "Hi, I'm hoping to find {c} today."]
_REJECT = ["The {p} won't work for me: {why}.", "Hmm, the {p} doesn't do it. {Why}.",
           "I don't think the {p} is right, because {why}."]
_MORE = ["Also, {x}.", "Oh, and {x}.", "One more thing: {x}.", "{X}."]
_BUY = ["The {p} sounds right. I'll take it.", "Great, the {p} fits everything I need. I'll buy it.",
        "Perfect, I'll go with the {p}."]
_LEAVE = ["Okay, thanks for checking. I'll look somewhere else.", "No worries, I'll keep looking elsewhere. Thanks!",
          "Thanks anyway, I'll try another store."]
_GIVE_UP = ["None of these fit what I need, so I'll keep looking elsewhere. Thanks.",
            "I don't think you have what I'm after. Thanks for your time."]
_ALL_SAID = ["That's everything on my list. What would you suggest?", "That's all I need, really. What do you have?"]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass
class OfflineShopper:
    """Agenda-based shopper. Use `create_offline_shopper` to build one.

    Attributes:
        max_unsuitable_rounds: unsuitable salesperson turns, after every criterion has
            been said, before the shopper gives up and leaves.
        max_opening_criteria: most criteria said in the first message (1 or 2).
    """

    max_unsuitable_rounds: int = 3
    max_opening_criteria: int = 2
    name: str = "offline-agenda"

    async def respond(self, view: ShopperView) -> ShopperReply:
        """Decide the next move from the persona, the last salesperson turn and private notes."""
        rng = random.Random(f"{view.seed}|{view.persona.uuid}|{view.turn}|{view.tool_rounds}")
        memory = view.memory or self._plan(view, rng)
        memory = {**memory, "seen": dict(memory.get("seen", {}))}
        self._read_tool_results(view, memory)
        if view.turn == 0:
            k = min(len(memory["agenda"]), rng.randint(1, max(1, self.max_opening_criteria)))
            said = [self._disclose(memory, rng, view.persona) for _ in range(k)]
            text = " ".join([rng.choice(_OPENERS).format(c=shopping_for(view.persona.category)),
                             *[_cap(s) + "." for s in said]])
            return self._say(text, memory)

        last = next((m for m in reversed(view.transcript) if isinstance(m, HumanMessage)), None)
        recs = self._recommended(last.text if last else "", view)
        if memory["mode"] == "constraints" and memory["visual"]:
            unseen = [p for p in recs if p.id not in memory["seen"]]
            if unseen and view.tool_rounds < 3:
                calls = [{"name": "inspect_image", "args": {"product": p.name}, "id": f"call_{view.turn}_{i}",
                          "type": "tool_call"} for i, p in enumerate(unseen)]
                return ShopperReply(AIMessage(content="", tool_calls=calls), memory)

        verdicts = [(p, self._violations(p, view, memory)) for p in recs]
        good = [p for p, bad in verdicts if not bad]
        if good:
            best = max(good, key=lambda p: (self._preference(p, view, memory), -p.price))
            return self._act(rng.choice(_BUY).format(p=best.name), "add_to_cart", memory, best.name)
        if not recs and last is not None and _NOTHING_FITS.search(last.text):
            return self._act(rng.choice(_LEAVE), "end_conversation", memory)
        return self._push_back(verdicts, memory, rng, view.persona)

    def _push_back(self, verdicts: list[tuple[Product, list[int]]], memory: dict[str, Any],
                   rng: random.Random, persona: Persona) -> ShopperReply:
        """Reject what was offered (or answer a question) by saying one more criterion, or give up."""
        undisclosed = [i for i in memory["agenda"] if i not in memory["disclosed"]]
        if verdicts:
            product, bad = verdicts[0]
            fresh = [i for i in bad if i >= 0 and i not in memory["disclosed"]]
            if fresh:
                clause = self._disclose(memory, rng, persona, fresh[0])
                return self._say(rng.choice(_REJECT).format(p=product.name, why=clause, Why=_cap(clause)), memory)
        if undisclosed:
            clause = self._disclose(memory, rng, persona)
            prefix = "That's not quite what I need. " if verdicts else ""
            return self._say(prefix + rng.choice(_MORE).format(x=clause, X=_cap(clause)), memory)
        memory["unsuitable_rounds"] = memory.get("unsuitable_rounds", 0) + 1
        if memory["unsuitable_rounds"] >= self.max_unsuitable_rounds:
            return self._act(rng.choice(_GIVE_UP), "end_conversation", memory)
        if verdicts and verdicts[0][1] and verdicts[0][1][0] >= 0:
            clause = memory["clauses"][str(verdicts[0][1][0])]
            return self._say(f"That doesn't work for me. Remember, {clause}.", memory)
        return self._say(rng.choice(_ALL_SAID), memory)

    def _plan(self, view: ShopperView, rng: random.Random) -> dict[str, Any]:
        persona = view.persona
        if persona.constraints:
            agenda = list(range(len(persona.constraints)))
            rng.shuffle(agenda)
            visual = sorted({c.attribute for c in persona.constraints
                             if view.catalog is not None and view.catalog.is_visual(persona.category, c.attribute)})
            return {"mode": "constraints", "agenda": agenda, "disclosed": [], "visual": visual, "clauses": {},
                    "seen": {}, "processed": []}
        lines = f"{persona.dealbreakers}\n{persona.preferences}".splitlines()
        # v0 personas hold "Question? answer" lines: the shopper says the answer
        answers = [line.rsplit("? ", 1)[-1] if "? " in line else line for line in lines]
        sentences = [s.strip(" .") for a in answers for s in re.split(r"(?<=[.!])\s+", a) if s.strip(" .")]
        return {"mode": "oracle", "agenda": list(range(len(sentences))), "sentences": sentences, "disclosed": [],
                "visual": [], "clauses": {}, "seen": {}, "processed": []}

    def _disclose(self, memory: dict[str, Any], rng: random.Random, persona: Persona, index: int | None = None) -> str:
        if index is None:
            index = next(i for i in memory["agenda"] if i not in memory["disclosed"])
        memory["disclosed"] = [*memory["disclosed"], index]
        clause = self._clause(memory, index, rng, persona)
        memory["clauses"] = {**memory["clauses"], str(index): clause}
        return clause

    def _clause(self, memory: dict[str, Any], index: int, rng: random.Random, persona: Persona) -> str:
        if memory["mode"] == "oracle":
            text = memory["sentences"][index]
            return text[:1].lower() + text[1:] if not text[:2].isupper() else text
        return say_constraint(persona.constraints[index], rng)

    def _read_tool_results(self, view: ShopperView, memory: dict[str, Any]) -> None:
        done = set(memory.get("processed", []))
        for msg in view.scratch:
            if not isinstance(msg, ToolMessage) or msg.tool_call_id in done:
                continue
            done.add(msg.tool_call_id)
            if not msg.artifact:
                continue
            blocks = msg.content if isinstance(msg.content, list) else []
            image = next((b for b in blocks if isinstance(b, dict) and b.get("type") == "image"), None)
            seen = read_visual_attributes(base64.b64decode(image["base64"]), view.persona.category) if image else {}
            memory["seen"][msg.artifact] = seen
        memory["processed"] = sorted(done)

    def _recommended(self, text: str, view: ShopperView) -> list[Product]:
        catalog: Catalog | None = view.catalog
        if catalog is None:
            return []
        out: list[Product] = []
        for mention in candidate_mentions(text):
            p = catalog.find(mention, category=view.persona.category)
            if p is not None and p not in out:
                out.append(p)
        return out

    def _facts(self, product: Product, view: ShopperView, memory: dict[str, Any]) -> dict[str, Any]:
        catalog = view.catalog
        public = {k: v for k, v in product.facts().items()
                  if catalog is None or not catalog.is_visual(product.category, k)}
        return {**public, **memory["seen"].get(product.id, {})}

    def _violations(self, product: Product, view: ShopperView, memory: dict[str, Any]) -> list[int]:
        """Indexes of the criteria the product breaks (in oracle mode: [-1] when not acceptable)."""
        persona = view.persona
        if memory["mode"] == "oracle":
            return [] if product.id in (persona.acceptable_products or []) else [-1]
        facts = self._facts(product, view, memory)
        return [i for i in memory["agenda"] if not satisfies_all(facts, [persona.constraints[i]])]

    def _preference(self, product: Product, view: ShopperView, memory: dict[str, Any]) -> float:
        return preference_score(self._facts(product, view, memory), view.persona.soft_constraints)

    @staticmethod
    def _say(text: str, memory: dict[str, Any]) -> ShopperReply:
        return ShopperReply(AIMessage(content=text), memory)

    @staticmethod
    def _act(text: str, tool: str, memory: dict[str, Any], product: str | None = None) -> ShopperReply:
        args = {"product": product} if product is not None else {}
        call = {"name": tool, "args": args, "id": f"call_{tool}", "type": "tool_call"}
        return ShopperReply(AIMessage(content=text, tool_calls=[call]), memory)


def create_offline_shopper(*, max_unsuitable_rounds: int = 3, max_opening_criteria: int = 2) -> OfflineShopper:
    """Create the offline agenda-based shopper.

    Args:
        max_unsuitable_rounds: unsuitable salesperson turns, once every criterion is said,
            before the shopper leaves.
        max_opening_criteria: most criteria in the first message (1 or 2).

    Returns:
        An `OfflineShopper` for the shopper seat of `create_salessim_graph`.

    Example:
        >>> graph = create_salessim_graph(shopper=create_offline_shopper())  # doctest: +SKIP
    """
    if max_opening_criteria not in (1, 2):
        raise ValueError("max_opening_criteria must be 1 or 2")
    return OfflineShopper(max_unsuitable_rounds=max_unsuitable_rounds, max_opening_criteria=max_opening_criteria)
