"""JoxCoder Local: Qwen2.5-Coder-1.5B on llama.cpp's llama-server, installed by `make model`, run on this machine."""
