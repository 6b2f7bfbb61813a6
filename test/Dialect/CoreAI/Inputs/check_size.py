"""Exits non-zero unless the file's size is within the given bounds."""
import os
import sys

path, low, high = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
size = os.path.getsize(path)
print(f"{os.path.basename(path)}: {size} bytes")
sys.exit(0 if low <= size <= high else 1)
