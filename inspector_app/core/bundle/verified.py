"""What verification hands on: a bundle proven whole and signed by a trusted key.

The contract between the verifier (`reader.py`), the importer and the commands."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from inspector_app.core.bundle.schema import BundleDoc
from inspector_app.core.signed_bag import Rejected, TrustedKey


class BundleRejected(Rejected):
    """A bundle refused; `reason` says why in words a supervisor understands."""

    kind = "bundle_rejected"


@dataclass(frozen=True)
class PhotoMember:
    sha256: str
    format: str  # JPEG | PNG | HEIF
    entry: str  # full zip entry name, top folder included
    size: int
    offset: int  # where its bytes start in the zip
    #: the zip header's CRC-32, which `reader.check_deferred_photo` holds the bytes against
    crc: int = 0

    @property
    def rel(self) -> str:
        """The entry's name inside the bag (as refusals name it)."""
        return self.entry.split("/", 1)[1]


@dataclass(frozen=True)
class VerifiedBundle:
    source: Path  # the file as given (.zip or .zip.age)
    zip_path: Path  # the plaintext zip (a temporary file when `source` was encrypted)
    encrypted: bool
    bundle_id: str
    key_id: str
    signer: TrustedKey
    sequence: int
    created: str  # UTC ISO 8601 with Z, from the trusted comment
    #: format.signed_content_digest: equal for bundles that are byte for byte the same
    content_sha256: str
    size_bytes: int  # of the plaintext zip
    doc: BundleDoc
    photos: tuple[PhotoMember, ...]
    #: verified with `defer_photos`: the photos' bytes are not hashed yet; whoever reads
    #: them must check them (`reader.check_deferred_photo`) before trusting the bundle
    photos_deferred: bool = False
