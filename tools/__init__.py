"""Development tools that the tests and the benchmark share and the installed package does not ship.

`tools.engines` installs and starts throwaway PostgreSQL and Spark engines (apt-get, useradd, uv sync): fine on a
CI machine or a developer's container, never something `pip install yilao-yixiao` should bring along.
"""
