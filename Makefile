# `make` (= `make test`) is what CI runs.
.PHONY: test build release run bench lint clean

test:
	bash .ci/python-tools
	TZ=UTC swift test

build:
	swift build

release:
	swift build -c release --product proxylens

run:
	swift run proxylens analyze samples/incident

bench: release
	bench/run.sh

clean:
	rm -rf .build proxylens.sqlite
