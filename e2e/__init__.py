"""Playwright scripts for the court help guides: page objects, flows, browser discovery."""
