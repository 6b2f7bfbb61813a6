"""Enums shared by the compression functions."""
from enum import StrEnum


class QScheme(StrEnum):
    """Quantization scheme."""
    SYMMETRIC = "symmetric"
    ASYMMETRIC = "asymmetric"


class CompressionGranularity(StrEnum):
    """Granularity of scales and look-up tables."""
    PER_TENSOR = "per_tensor"
    PER_CHANNEL = "per_channel"
    PER_BLOCK = "per_block"
    PER_GROUPED_CHANNEL = "per_grouped_channel"
