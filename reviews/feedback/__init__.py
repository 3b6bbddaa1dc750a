"""Mentor feedback: notes, per-behaviour verdicts, gap notes and threads, the inbox and gaps."""
