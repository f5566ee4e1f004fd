"""Writes a deterministic random-weight GGUF model with a real tokenizer.

usage: make_random_gguf.py KIND VOCAB_DIR OUT.gguf
  KIND       qwen2-0.5b (Qwen2.5-0.5B shape: realistic speed) or llama-15m (tiny, fast tests)
  VOCAB_DIR  llama.cpp's models/ directory (its ggml-vocab-*.gguf files hold real tokenizers)

Needs numpy and llama.cpp's gguf-py on PYTHONPATH. The weights come from a fixed seed, so the same
KIND always gives the same file and, at temperature 0, the same (gibberish) text for a prompt. The
model exercises a real runtime and protocol at a realistic shape; what it writes means nothing.
"""
import os
import sys

import numpy as np
from gguf import GGUFReader, GGUFValueType, GGUFWriter

SHAPES = {
    # arch, vocab file, n_vocab, n_embd, n_layer, n_head, n_kv, n_ff, ctx, qkv bias, tied output, rope base, eps
    "qwen2-0.5b": ("qwen2", "ggml-vocab-qwen2.gguf", 151936, 896, 24, 14, 2, 4864, 32768, True, True, 1e6, 1e-6),
    "llama-15m": ("llama", "ggml-vocab-llama-spm.gguf", 32000, 288, 6, 6, 6, 768, 4096, False, False, 1e4, 1e-5),
}

# llama-spm's vocabulary file has no chat template; llama-server needs one for /v1/chat/completions (ChatML)
CHAT_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)


def copy_tokenizer(reader, writer):
    for key, field in reader.fields.items():
        if not key.startswith("tokenizer."):
            continue
        kind = field.types[0]
        if kind == GGUFValueType.ARRAY:
            writer.add_key_value(key, field.contents(), GGUFValueType.ARRAY, sub_type=field.types[-1])
        else:
            writer.add_key_value(key, field.contents(), kind)


def main(kind, vocab_dir, out):
    if kind not in SHAPES:
        raise SystemExit(f"unknown model kind {kind!r}; one of {sorted(SHAPES)}")
    arch, vocab, n_vocab, n_embd, n_layer, n_head, n_kv, n_ff, ctx, bias, tied, rope_base, eps = SHAPES[kind]
    rng = np.random.default_rng(0)
    head_dim = n_embd // n_head
    reader = GGUFReader(os.path.join(vocab_dir, vocab))
    w = GGUFWriter(out, arch)
    w.add_name(f"random-{kind}")
    w.add_block_count(n_layer)
    w.add_context_length(ctx)
    w.add_embedding_length(n_embd)
    w.add_feed_forward_length(n_ff)
    w.add_head_count(n_head)
    w.add_head_count_kv(n_kv)
    w.add_rope_freq_base(rope_base)
    w.add_layer_norm_rms_eps(eps)
    w.add_rope_dimension_count(head_dim)
    w.add_file_type(1)
    copy_tokenizer(reader, w)
    if "tokenizer.chat_template" not in reader.fields:
        w.add_chat_template(CHAT_TEMPLATE)

    def weights(*shape):
        return (rng.standard_normal(shape, dtype=np.float32) * 0.02).astype(np.float16)

    def ones(n):
        return np.ones(n, dtype=np.float32)

    w.add_tensor("token_embd.weight", weights(n_vocab, n_embd))
    w.add_tensor("output_norm.weight", ones(n_embd))
    if not tied:
        w.add_tensor("output.weight", weights(n_vocab, n_embd))
    for i in range(n_layer):
        p = f"blk.{i}."
        w.add_tensor(p + "attn_norm.weight", ones(n_embd))
        w.add_tensor(p + "attn_q.weight", weights(n_head * head_dim, n_embd))
        w.add_tensor(p + "attn_k.weight", weights(n_kv * head_dim, n_embd))
        w.add_tensor(p + "attn_v.weight", weights(n_kv * head_dim, n_embd))
        if bias:
            w.add_tensor(p + "attn_q.bias", np.zeros(n_head * head_dim, np.float32))
            w.add_tensor(p + "attn_k.bias", np.zeros(n_kv * head_dim, np.float32))
            w.add_tensor(p + "attn_v.bias", np.zeros(n_kv * head_dim, np.float32))
        w.add_tensor(p + "attn_output.weight", weights(n_embd, n_head * head_dim))
        w.add_tensor(p + "ffn_norm.weight", ones(n_embd))
        w.add_tensor(p + "ffn_gate.weight", weights(n_ff, n_embd))
        w.add_tensor(p + "ffn_up.weight", weights(n_ff, n_embd))
        w.add_tensor(p + "ffn_down.weight", weights(n_embd, n_ff))
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    print(f"wrote {out} (random {kind})", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3])
