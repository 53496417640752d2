"""`vorlagenparser bag OUTDIR BAGDIR`: pack a verified output folder as a BagIt bag."""

from __future__ import annotations

from pathlib import Path

import click

from .console import err, escape


@click.command("bag")
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("bag_dir", type=click.Path(path_type=Path))
def command(out_dir: Path, bag_dir: Path) -> None:
    """Pack OUT_DIR as a BagIt bag in the new folder BAG_DIR (SHA-256 and SHA-512 manifests).

    OUT_DIR is verified against its run records first; the run records are summarised in
    bag-info.txt. Check the bag later with 'vorlagenparser verify BAG_DIR'.
    """
    from ..archive.bag import make_bag

    make_bag(out_dir, bag_dir)
    err.print(f"wrote bag {escape(str(bag_dir))}")
