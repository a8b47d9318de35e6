"""The synthetic sample registry (DATA SINTETIS), calibrated to the published figures.

``synthetic`` generates it with a fixed seed, ``messy`` writes its office-style XLSX twin, and
``files`` says where the bundled copies are and writes them again (``ikm-report sample``).
"""
