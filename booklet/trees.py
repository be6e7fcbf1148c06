"""Copy a folder's tree by hard links, swap two folders in one rename where the system can, and remove a tree."""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
from pathlib import Path

AT_FDCWD = -100
RENAME_EXCHANGE = 2          # linux/fs.h: swap the two names in one step


def link_tree(source: Path, copy: Path, *, skip: set[str], suffix: str, only: set[str] | None = None) -> None:
    """Give `copy` every file under `source` but those in `skip` (paths relative to source, POSIX),
    those not in `only` when it is given, and stray temporaries ending with `suffix`: by hard link
    (files are only ever replaced by rename, never written in place, so sharing them is safe), or by
    copy where links are not allowed. A folder is made only for a file carried into it."""
    for folder, names, files in os.walk(source):
        here = Path(folder)
        relative = here.relative_to(source)
        for name in names + files:
            path, into, key = here / name, copy / relative / name, (relative / name).as_posix()
            if key in skip or name.endswith(suffix) or (path.is_dir() and not path.is_symlink()):
                continue
            if only is not None and key not in only:
                continue
            into.parent.mkdir(parents=True, exist_ok=True)
            if path.is_symlink():
                os.symlink(os.readlink(path), into)
            elif path.is_file():
                try:
                    os.link(path, into)
                except OSError:
                    shutil.copy2(path, into)
        names[:] = [n for n in names if not (here / n).is_symlink() and not n.endswith(suffix)]


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths atomically (Linux renameat2); False where the system cannot, so the
    caller renames in two steps."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EPERM):
        return False          # an old kernel or a file system without it
    raise OSError(code, os.strerror(code), str(first))


def identity(path: Path) -> list[int] | None:
    """The folder's device and inode: the same folder under whatever name a rename gave it."""
    try:
        found = os.lstat(path)
    except OSError:
        return None
    return [found.st_dev, found.st_ino]


def remove_tree(path: Path) -> None:
    if os.path.lexists(path):
        shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
