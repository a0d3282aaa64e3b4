#!/usr/bin/env python3
"""Looks for personal numbers in clear in files (server logs, database files): mainland
mobile numbers (1[3-9] + 9 digits) and resident ID numbers with a valid GB 11643 check
character; in logs (`*.log`) also sign-in codes ("验证码是 123456"), which may sit in the
outbox table until they expire but never in a log. Prints what it found, masked, and exits 1
if anything was found.

  pii-scan.py FILE...        scan
  pii-scan.py --self-test    prove the scan finds planted numbers (and not look-alikes)
"""
import datetime
import re
import sys

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
MOBILE = re.compile(rb"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")
ID = re.compile(rb"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])")
CODE = re.compile("验证码是 ?[0-9]{6}".encode())


def valid_id(raw: bytes) -> bool:
    """A GB 11643 number: the check character and a real birth date (positions 7-14), as the
    app's own parser demands. The date matters in database files, where digits of a stored
    number (a case number) can run on into binary bytes that read as digits and then pass
    the 1-in-11 checksum by chance; a real ID number always holds a real date."""
    text = raw.decode().upper()
    total = sum(int(d) * w for d, w in zip(text[:17], WEIGHTS))
    if "10X98765432"[total % 11] != text[17]:
        return False
    year, month, day = int(text[6:10]), int(text[10:12]), int(text[12:14])
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return 1900 <= year <= 2100


def valid_checksum_only(raw: bytes) -> bool:
    text = raw.decode().upper()
    return "10X98765432"[sum(int(d) * w for d, w in zip(text[:17], WEIGHTS)) % 11] == text[17]


def findings(data: bytes, log: bool = False):
    if log:
        for m in CODE.finditer(data):
            yield "code", m.group().decode()
    for m in MOBILE.finditer(data):
        yield "mobile", m.group().decode()
    for m in ID.finditer(data):
        if valid_id(m.group()):
            yield "id", m.group().decode()


def mask(kind: str, value: str) -> str:
    if kind == "code":
        return "验证码是 ******"
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def self_test() -> None:
    planted = b"noise 13812345678 and 11010519491231002X in a line"
    found = {kind for kind, _ in findings(planted)}
    assert found == {"mobile", "id"}, found
    coded = "您的登录验证码是 123456，5 分钟内有效".encode()
    assert [k for k, _ in findings(coded, log=True)] == ["code"]
    assert not list(findings(coded, log=False)), "codes are looked for in logs only"
    # A case number run on into digit-like bytes: right checksum, no real birth date.
    run_on = b"\x00711202612030092014\x00"
    assert valid_checksum_only(run_on[1:19]), "the look-alike needs a valid checksum to test"
    clean = b"138****5678 110***********002X 0371-67189000 11410100MB1957846X4000107001 110105194912310021 " + run_on
    assert not list(findings(clean)), list(findings(clean))
    print("pii-scan self-test: planted numbers found, masked and look-alike ones not")


def main() -> int:
    if sys.argv[1:] == ["--self-test"]:
        self_test()
        return 0
    total = 0
    for path in sys.argv[1:]:
        try:
            data = open(path, "rb").read()
        except FileNotFoundError:
            continue
        hits = sorted(set(findings(data, log=path.endswith(".log"))))
        total += len(hits)
        for kind, value in hits:
            print(f"{path}: {kind} {mask(kind, value)} in clear")
        print(f"{path}: {len(data):,} bytes scanned, {len(hits)} personal numbers in clear")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
