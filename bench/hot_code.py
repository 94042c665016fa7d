"""Lists the functions of a running keyplan whose code is resident.

Usage: hot_code.py PID BINARY OUT

Reads which pages of BINARY's executable mapping process PID has resident
(/proc/PID/pagemap, as root) and writes the names of the functions on those
pages to OUT, one per line, in address order: the symbol ordering file that
crates/keyplan-cli/build.rs gives the linker. Run by `bench/http.sh --hot-code`, on a
server started with the binary out of the page cache, so that only pages it
ran are resident.
"""

import struct
import subprocess
import sys

PAGE = 4096


def main(pid: str, binary: str, out: str) -> None:
    spans, base = [], None
    with open(f"/proc/{pid}/maps") as maps:
        for line in maps:
            fields = line.split()
            if len(fields) >= 6 and fields[5] == binary:
                start, end = (int(x, 16) for x in fields[0].split("-"))
                if base is None:
                    base = start - int(fields[2], 16)
                if "x" in fields[1]:
                    spans.append((start, end))
    if base is None:
        sys.exit(f"{binary} is not mapped by process {pid}")
    resident = set()
    with open(f"/proc/{pid}/pagemap", "rb") as pagemap:
        for start, end in spans:
            pagemap.seek(start // PAGE * 8)
            entries = pagemap.read((end - start) // PAGE * 8)
            for i in range(len(entries) // 8):
                if struct.unpack_from("<Q", entries, i * 8)[0] >> 63:
                    resident.add((start - base) // PAGE + i)
    nm = subprocess.run(["nm", "-S", "-n", "--defined-only", binary], capture_output=True, text=True, check=True)
    names, seen, size = [], set(), 0
    for line in nm.stdout.splitlines():
        fields = line.split()
        if len(fields) != 4 or fields[2] not in "tTwW":
            continue
        addr, length = int(fields[0], 16), max(int(fields[1], 16), 1)
        pages = range(addr // PAGE, (addr + length - 1) // PAGE + 1)
        if fields[3] not in seen and any(p in resident for p in pages):
            seen.add(fields[3])
            names.append(fields[3])
            size += length
    with open(out, "w") as f:
        f.write("\n".join(names) + "\n")
    print(f"{len(names)} functions, {size / 2**20:.1f} MiB of code; {len(resident) * PAGE / 2**20:.1f} MiB of pages resident")


if __name__ == "__main__":
    main(*sys.argv[1:4])
