"""Vale compatibility: run Vale styles from a ``.vale.ini`` with Vale's semantics.

``ini`` reads the configuration, ``vocab`` the accept/reject lists, ``styles`` loads the
rules of a StylesPath, ``project`` decides which rules run on which file, ``ignores``
applies TokenIgnores / BlockIgnores / SkippedScopes, and ``run`` lints files as Vale does.
"""
