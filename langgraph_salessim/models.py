"""Chat models from strings such as "openai:gpt-4o-mini" (any OpenAI-compatible server)."""

from __future__ import annotations

import os
from typing import Any

from langchain_core.language_models import BaseChatModel

PROVIDERS = ("openai",)
DEFAULT_API_KEY_ENV = "OPENAI_API_KEY"


def create_chat_model(
    spec: str,
    *,
    base_url: str | None = None,
    api_key_env: str | None = None,
    temperature: float | None = None,
    max_tokens: int | None = None,
    seed: int | None = None,
    timeout: float = 120.0,
) -> BaseChatModel:
    """Create a chat model from `"openai:<model>"`.

    With `base_url` this is any OpenAI-compatible server (vLLM, Ollama, a gateway...). The
    API key is read from the environment variable `api_key_env` (default `OPENAI_API_KEY`)
    and is never written to results or configs.

    Args:
        spec: `"openai:<model name>"`.
        base_url: the server's base URL, e.g. `http://localhost:8000/v1`.
        api_key_env: environment variable holding the API key.
        temperature: sampling temperature.
        max_tokens: cap on generated tokens per reply.
        seed: sampling seed, for servers that honour it.
        timeout: request timeout in seconds.

    Returns:
        A `ChatOpenAI`.

    Raises:
        ValueError: an unknown provider, or no API key for the public OpenAI endpoint.

    Example:
        >>> model = create_chat_model("openai:qwen2.5-7b", base_url="http://localhost:8000/v1")  # doctest: +SKIP
    """
    provider, _, name = spec.partition(":")
    if provider not in PROVIDERS or not name:
        raise ValueError(f"model {spec!r}: expected '<provider>:<model>' with provider one of {list(PROVIDERS)}")
    from langchain_openai import ChatOpenAI

    env = api_key_env or DEFAULT_API_KEY_ENV
    api_key = os.environ.get(env)
    if not api_key:
        if base_url is None:
            raise ValueError(f"model {spec!r}: set the API key in ${env} (or pass --base-url for a local server)")
        api_key = "not-needed"  # local OpenAI-compatible servers usually ignore the key
    kwargs: dict[str, Any] = {"model": name, "api_key": api_key, "timeout": timeout}
    if base_url is not None:
        kwargs["base_url"] = base_url
    if temperature is not None:
        kwargs["temperature"] = temperature
    if max_tokens is not None:
        kwargs["max_tokens"] = max_tokens
    if seed is not None:
        kwargs["seed"] = seed
    return ChatOpenAI(**kwargs)


def takes_seed(model: BaseChatModel) -> bool:
    """Whether the model accepts a per-call `seed` (e.g. `ChatOpenAI`)."""
    return "seed" in type(model).model_fields
