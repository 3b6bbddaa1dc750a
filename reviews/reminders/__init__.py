"""Weekly reminder emails: log your week, follow up impact, review what your mentees shared."""
