"""Smoke test of UserGRPO-style training: two TRL `GRPOTrainer` steps on a tiny random model.

Needs the `[rl]` extra (torch, trl, transformers); skipped without it. Nothing is downloaded: the
model is a randomly initialised Llama built from a config, the tokenizer a word-level one built
here, and the prompts come from `ShopperEnv.reset` on built-in personas. Each completion is played
as the shopper's first message in the environment, the offline shopper finishes the conversation
against the offline sales agent, and the reward is `combined_reward` of that record.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

for _var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
    os.environ.setdefault(_var, "1")
os.environ.setdefault("WANDB_DISABLED", "true")

# TRL calls transformers APIs that transformers marks for renaming in v6: not ours to fix
pytestmark = pytest.mark.filterwarnings("ignore:.*is deprecated and will be removed in v6:FutureWarning")

_REASON = "the [rl] extra is not installed (pip install -e '.[rl]')"
torch = pytest.importorskip("torch", reason=_REASON)
pytest.importorskip("trl", reason=_REASON)
transformers = pytest.importorskip("transformers", reason=_REASON)
tokenizers = pytest.importorskip("tokenizers", reason=_REASON)
datasets = pytest.importorskip("datasets", reason=_REASON)

from langgraph_salessim import load_builtin_catalog, load_builtin_personas  # noqa: E402
from langgraph_salessim.actions import parse_reply  # noqa: E402
from langgraph_salessim.environment import ShopperEnv  # noqa: E402
from langgraph_salessim.rewards import as_trl_reward, combined_reward, format_reward  # noqa: E402
from langgraph_salessim.rollouts import as_trl_rollout_reward  # noqa: E402

CHAT_TEMPLATE = (
    "{% for m in messages %}<{{ m['role'] }}> {{ m['content'] }} </s> {% endfor %}"
    "{% if add_generation_prompt %}<assistant> {% endif %}"
)
_WORDS = re.compile(r"\w+|[^\w\s]+")


def _tokenizer(texts: list[str]) -> Any:
    """A word-level tokenizer over the words of `texts`, built in-process."""
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    specials = ["<pad>", "<unk>", "<s>", "</s>", "<system>", "<user>", "<assistant>", "<tool>"]
    words = sorted({w for t in texts for w in _WORDS.findall(t)} - set(specials))
    vocab = {w: i for i, w in enumerate(specials + words)}
    tok = Tokenizer(models.WordLevel(vocab=vocab, unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    return PreTrainedTokenizerFast(tokenizer_object=tok, pad_token="<pad>", unk_token="<unk>", bos_token="<s>",
                                   eos_token="</s>", padding_side="left", chat_template=CHAT_TEMPLATE)


def _spaced(text: str) -> str:
    return " ".join(_WORDS.findall(text))


def test_two_grpo_steps_on_real_conversations(tmp_path: Path) -> None:
    from datasets import Dataset
    from transformers import LlamaConfig, LlamaForCausalLM
    from trl import GRPOConfig, GRPOTrainer

    torch.manual_seed(0)
    catalog = load_builtin_catalog()
    personas = [load_builtin_personas("laptop")[i] for i in (0, 1, 2, 3)]
    env = ShopperEnv(catalog=catalog, max_turns=8)
    rows = []
    for i, p in enumerate(personas):
        prompt = [{**m, "content": _spaced(m["content"])} for m in env.reset(p, seed=i)]
        rows.append({"prompt": prompt, "env_state": json.dumps(env.state_dict())})
    shopping_talk = "Hi , I need a laptop with 16 GB RAM , Windows , under $ 900 . I will take it . " \
                    "add_to_cart end_conversation . ? !"
    tokenizer = _tokenizer([m["content"] for r in rows for m in r["prompt"]] + [shopping_talk])
    config = LlamaConfig(vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                         num_attention_heads=2, num_key_value_heads=2, max_position_embeddings=2048,
                         pad_token_id=tokenizer.pad_token_id, bos_token_id=tokenizer.bos_token_id,
                         eos_token_id=tokenizer.eos_token_id)
    model = LlamaForCausalLM(config)
    before = {n: p.detach().clone() for n, p in model.named_parameters()}

    records: list[dict[str, Any]] = []
    texts: list[str] = []

    def spy(prompts: list[Any], completions: list[Any], **kwargs: Any) -> list[float]:
        """Remembers what the model generated (adds 0 to the reward)."""
        texts.extend(c[-1]["content"] for c in completions)
        return [0.0] * len(completions)

    rollout = as_trl_rollout_reward(env, on_record=records.append)
    args = GRPOConfig(
        output_dir=str(tmp_path / "out"), max_steps=2, per_device_train_batch_size=8, num_generations=4,
        max_completion_length=24, learning_rate=5e-2, logging_steps=1, save_strategy="no", report_to="none",
        use_cpu=True, seed=0, temperature=1.0, dataloader_num_workers=0,
    )
    trainer = GRPOTrainer(model=model, reward_funcs=[rollout, as_trl_reward(format_reward), spy],
                          args=args, train_dataset=Dataset.from_list(rows),
                          processing_class=tokenizer)
    trainer.train()

    # 2 steps x 8 completions, each played out as a real conversation in the environment
    assert len(records) == len(texts) == 16
    generated = {parse_reply(t).visible for t in texts}
    for record in records:
        assert record["conversation"][0]["text"].startswith("Hello!")
        assert record["scores"][0]["name"] == "decision_alignment"
        if record["outcome"] != "error":  # an empty completion ends the conversation in an error
            assert record["conversation"][1]["text"] in generated  # the model's message opened it
    logged = [h for h in trainer.state.log_history if "rewards/rollout_combined_reward/mean" in h]
    assert len(logged) == 2
    for step, h in enumerate(logged):
        values = [combined_reward(r) for r in records[8 * step: 8 * step + 8]]
        scored = [v for v in values if v is not None]
        assert scored and h["rewards/rollout_combined_reward/mean"] == pytest.approx(sum(scored) / len(scored))
    changed = [n for n, p in model.named_parameters() if not torch.equal(p.detach(), before[n])]
    assert changed, "no parameter changed after two GRPO steps"
