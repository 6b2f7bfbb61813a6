"""The documentation's examples, line for line, with Program.load in place of
the asset loader of the Core AI package."""
from pathlib import Path

import pytest

from coreai_opt import Program


@pytest.fixture
def coreai_program(program):
    return program


def test_flow(asset_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    from coreai_opt.coreai_utils import DType, quantize_weights

    # Load an uncompressed aimodel from disk
    ai_program = Program.load(Path("model.aimodel"))  # AIModelAsset.load(...).program

    # Compress weights to INT8
    compressed_program = quantize_weights(
        coreai_program=ai_program,
        dtype=DType.INT8,
        in_place=False,
    )

    # Save the compressed aimodel to disk
    compressed_program.optimize()
    compressed_program.save_asset(Path("model_compressed.aimodel"))
    saved = Program.load(Path("model_compressed.aimodel"))
    assert saved.to_bytecode() == compressed_program.to_bytecode()
    assert str(saved).count("coreai.blockwise_shift_scale") == 2


def test_palettize(coreai_program):
    from coreai_opt.coreai_utils import CompressionGranularity, palettize_weights

    # --- palettize weights ---
    compressed_program = palettize_weights(
        coreai_program=coreai_program,
        n_bits=4,  # LUT has 2**n_bits entries
        lut_dtype=None,  # keep LUT entries in fp16
        granularity=CompressionGranularity.PER_CHANNEL,
        in_place=False,
    )
    assert str(compressed_program).count("coreai.lut_to_dense") == 2


def test_palettize_advanced(coreai_program):
    from coreai_opt.coreai_utils import CompressionGranularity, DType, palettize_weights

    # --- palettize weights with advanced options ---
    compressed_program = palettize_weights(
        coreai_program=coreai_program,
        n_bits=8,  # 256-entry LUT (2**8)
        lut_dtype=DType.INT8,  # quantize LUT entries to int8
        granularity=CompressionGranularity.PER_GROUPED_CHANNEL,  # one LUT per group of channels
        group_size=16,  # group size for PER_GROUPED_CHANNEL
        enable_per_channel_scale=True,  # normalize weights by per-channel scale before clustering
        weight_num_threshold=2048,  # skip tensors with <= 2048 elements
        num_kmeans_workers=2,  # parallel workers for k-means
        enable_fast_kmeans_mode=True,  # round weights before clustering to speed up k-means
        rounding_precision=3,  # decimal places for fast k-means rounding
        in_place=True,  # modify coreai_program in-place
    )
    assert compressed_program is coreai_program
    assert str(coreai_program).count("coreai.lut_to_dense") == 2


def test_quantize(coreai_program):
    from coreai_opt.coreai_utils import DType, quantize_weights

    # --- quantize weights ---
    compressed_program = quantize_weights(
        coreai_program=coreai_program,
        dtype=DType.INT8,  # quantize weights to int8
        in_place=False,
    )
    assert str(compressed_program).count("coreai.blockwise_shift_scale") == 2


def test_quantize_advanced(coreai_program):
    from coreai_opt.coreai_utils import (
        CompressionGranularity,
        DType,
        QScheme,
        quantize_weights,
    )

    # --- quantize weights with advanced options ---
    compressed_program = quantize_weights(
        coreai_program=coreai_program,
        dtype=DType.FP8_E4M3FN,  # quantize weights to FP8 E4M3FN
        qscheme=QScheme.SYMMETRIC,  # only symmetric is supported for FP8 dtypes
        granularity=CompressionGranularity.PER_BLOCK,  # one scale per block of axes
        block_size=32,  # block size for PER_BLOCK
        weight_num_threshold=2048,  # skip tensors with <= 2048 elements
        scale_dtype=DType.FP8_E8M0FNU,  # store scales in FP8 E8M0FNU format
        in_place=True,  # modify coreai_program in-place
    )
    assert "f8E8M0FNU" in str(compressed_program)


def test_sparsify(coreai_program):
    from coreai_opt.coreai_utils import sparsify_weights

    # --- sparsify weights ---
    compressed_program = sparsify_weights(
        coreai_program=coreai_program,
        target_sparsity=0.5,  # set 50% of weights (lowest magnitude) to zero
        in_place=False,
    )
    assert str(compressed_program).count("coreai.sparse_with_bitmask_to_dense") == 2


def test_sparsify_advanced(coreai_program):
    from coreai_opt.coreai_utils import DType, sparsify_weights

    # --- sparsify weights with advanced options ---

    # Magnitude-based sparsification with joint quantization of non-zero values
    compressed_program = sparsify_weights(
        coreai_program=coreai_program,
        target_sparsity=0.5,  # 50% of weights set to zero
        block_size=4,  # block sparsity: prune in blocks of 4 along the output channel axis
        quantize_dtype=DType.INT8,  # quantize non-zero values to int8
        weight_num_threshold=2048,  # skip tensors with <= 2048 elements
        in_place=True,  # modify coreai_program in-place
    )
    assert str(coreai_program).count("coreai.sparse_with_bitmask_to_dense") == 2

    # Sparsification with joint palettization of non-zero values
    compressed_program = sparsify_weights(
        coreai_program=coreai_program,
        target_sparsity=0.5,
        palettize_nbits=4,  # palettize non-zero values to 4-bit LUT
        weight_num_threshold=2048,
        in_place=False,
    )
    assert compressed_program is not coreai_program
