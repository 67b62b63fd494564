"""The province's side: the requests it issues, the board of who has sent, reminders, the sums."""
