"""The people of bench/load.py: province officers who log in, then open their board and their sums.

Run by bench/load.py (``locust --headless``); the accounts and their pages come in LOAD_ACCOUNTS.
"""

import itertools
import json
import os
import re

from locust import HttpUser, between, task

ACCOUNTS = itertools.cycle(json.loads(os.environ.get("LOAD_ACCOUNTS", "[]")))
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class ProvinceOfficer(HttpUser):
    # A person reads a page before the next click: a few seconds, not a tight loop.
    wait_time = between(2, 6)

    def on_start(self):
        self.account = next(ACCOUNTS)
        page = self.client.get("/login/", name="login")
        token = CSRF.search(page.text).group(1)
        form = {
            "username": self.account["username"],
            "password": self.account["password"],
            "csrfmiddlewaretoken": token,
        }
        done = self.client.post("/login/", form, headers={"Referer": f"{self.host}/login/"}, name="login")
        if "/login/" in done.url:
            raise RuntimeError(f"cannot log in as {self.account['username']}")

    @task(3)
    def board(self):
        self.client.get(self.account["board"], name="board")

    @task(3)
    def sums(self):
        self.client.get(self.account["sums"], name="consolidation")

    @task(2)
    def sums_of_the_request(self):
        self.client.get(self.account["request_sums"], name="consolidation (request)")

    @task(1)
    def drill_down(self):
        self.client.get(self.account["drill_down"], name="consolidation (drill-down)")
