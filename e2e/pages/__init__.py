"""Page objects: one class per screen, locators by role and label, methods are user actions.

No assertions here: flows and tests assert with `expect`. URLs come from `Sites`.
"""
