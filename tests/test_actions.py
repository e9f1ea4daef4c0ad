"""Parsing shopper replies: reasoning tags and tool calls written as text."""

from __future__ import annotations

import pytest

from langgraph_salessim.actions import parse_reply, split_reasoning

NAME = "Dell XPS 13 Plus"


@pytest.mark.parametrize("text", [
    f'<tool_call>add_to_cart("{NAME}")</tool_call>',
    f"add_to_cart({NAME})",
    f"<add_to_cart({NAME})>",
    f'<tool_call>{{"name": "add_to_cart", "arguments": {{"product": "{NAME}"}}}}</tool_call>',
    f"Love it! [add_to_cart: {NAME}]",
    f"add_to_cart(product='{NAME}')",
    f'<function=add_to_cart>{{"product": "{NAME}"}}</function>',
    f'[TOOL_CALLS] [{{"name": "add_to_cart", "arguments": {{"product": "{NAME}"}}}}]',
    f'Sure thing. {{"name": "add_to_cart", "parameters": {{"product": "{NAME}"}}}}',
    f'```\nadd_to_cart("{NAME}")\n```',
    f"ADD_TO_CART({NAME})",
    f'<tool_call>\n{{"name": "add_to_cart", "arguments": "{{\\"product\\": \\"{NAME}\\"}}"}}\n</tool_call>',
])
def test_add_to_cart_written_as_text_is_parsed_and_flagged(text: str) -> None:
    parsed = parse_reply(text)
    assert [c["name"] for c in parsed.tool_calls] == ["add_to_cart"]
    assert parsed.tool_calls[0]["args"] == {"product": NAME}
    assert parsed.format_leak is True
    assert "add_to_cart" not in parsed.visible and NAME not in parsed.visible


@pytest.mark.parametrize("text", ["end_conversation()", "<end_conversation>", "[end the conversation]",
                                  "End the conversation."])
def test_leaving_written_as_text(text: str) -> None:
    parsed = parse_reply(text)
    assert [c["name"] for c in parsed.tool_calls] == ["end_conversation"] and parsed.format_leak


def test_inspect_image_written_as_text() -> None:
    call = f'{{"name": "inspect_image", "arguments": {{"product": "{NAME}"}}}}'
    parsed = parse_reply(f"Let me look first. <tool_call>{call}</tool_call>")
    assert parsed.tool_calls[0]["name"] == "inspect_image" and parsed.visible == "Let me look first."


def test_json_that_is_not_a_tool_call_stays_text() -> None:
    text = 'My budget is {"max": 900} if that helps.'
    parsed = parse_reply(text)
    assert parsed.tool_calls == [] and parsed.visible == text


def test_plain_text_has_no_action_and_no_leak() -> None:
    parsed = parse_reply("Could you add more detail about the cart options? I might end up buying.")
    assert parsed.tool_calls == [] and parsed.format_leak is False
    assert parsed.visible.startswith("Could you")


def test_structured_tool_calls_win_and_are_not_a_leak() -> None:
    call = {"name": "end_conversation", "args": {}, "id": "x", "type": "tool_call"}
    parsed = parse_reply("Thanks, bye!", [call])
    assert parsed.tool_calls == [call] and parsed.format_leak is False and parsed.visible == "Thanks, bye!"


def test_reasoning_is_stripped_and_kept() -> None:
    visible, reasoning = split_reasoning("<think>too pricey</think>Do you have cheaper ones?<reasoning>b</reasoning>")
    assert visible == "Do you have cheaper ones?" and reasoning == "too pricey\nb"
    assert split_reasoning("plain") == ("plain", None)
