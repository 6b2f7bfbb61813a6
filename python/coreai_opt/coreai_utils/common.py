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


def path_option(option, path):
    """`option="path"` for a pass pipeline: quoted, so that spaces, braces
    and '=' in the path stay in it (a double quote cannot)."""
    import os
    path = os.fspath(path)
    if '"' in path or "\n" in path:
        raise ValueError("%s: the path may not contain a double quote or a newline: %r"
                         % (option.replace("-", "_"), path))
    return '%s="%s"' % (option, path)


def names_option(option, names):
    """`option=a,b` for a pass pipeline; each name must be a plain name
    (letters, digits, '-', '_', '.'), never pipeline syntax."""
    import re
    names = [str(n) for n in names]
    for name in names:
        if not re.fullmatch(r"[A-Za-z0-9_.-]+", name):
            raise ValueError("%s: %r is not a candidate name (letters, digits, '-', '_' "
                             "and '.')" % (option, name))
    return "%s=%s" % (option, ",".join(names))
