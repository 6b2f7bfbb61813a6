"""The utilities' files replace their target only when written whole, as the
tools' do: beside it as .<name>.tmp-XXXXXX, renamed over it on success
(keeping the old file's mode), removed on failure."""
import contextlib
import os
import stat
import tempfile


@contextlib.contextmanager
def replace_when_done(path, mode="w"):
    path = os.path.realpath(path)
    directory, name = os.path.split(path)
    fd, temporary = tempfile.mkstemp(prefix=".%s.tmp-" % name, dir=directory)
    try:
        with os.fdopen(fd, mode) as f:
            yield f
        if os.path.exists(path):
            os.chmod(temporary, stat.S_IMODE(os.stat(path).st_mode))
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise
