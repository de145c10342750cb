#!/usr/bin/env python3
"""A CiviCRM membership export of N members (one row per membership, some renewed, some
pending or expired), deterministic for the benchmark: bench/generate-civicrm.py N > FILE.csv"""
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
rng = random.Random(11)
countries = ["Kenya", "Nigeria", "USA", "UK", "Deutschland", "France", "Brasil", "India", "中国", "Korea, Republic of",
             "Viet Nam", "Côte d’Ivoire", "The Netherlands", "México", "Perú", "South Africa", "Türkiye", "England"]
statuses = ["Current"] * 6 + ["New", "Grace", "Expired", "Cancelled", "Pending"]
out = sys.stdout
out.write("\ufeffContact ID,First Name,Last Name,Email,Country,Member Since,Membership Start Date,Membership Expiration Date,Membership Status,Membership Type\r\n")
for i in range(1, n + 1):
    rows = 2 if rng.random() < 0.2 else 1
    start = rng.randrange(0, 365 * 5)
    for r in range(rows):
        y, d = 2020 + start // 365, start % 365
        m, day = 1 + d // 31 % 12, 1 + d % 28
        status = "Expired" if r == 0 and rows == 2 else rng.choice(statuses)
        end = f"{y + 1}-{m:02d}-{day:02d}" if status != "Current" or rng.random() < 0.9 else ""
        out.write(f"{i},Given{i},Family{i},m{i}@example.org,\"{rng.choice(countries)}\",{y}-{m:02d}-{day:02d},{y}-{m:02d}-{day:02d},{end},{status},Individual\r\n")
        start += 400
