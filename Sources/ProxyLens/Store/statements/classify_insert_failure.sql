-- One labelled failure.
INSERT INTO failure (request_id, function, instance, ts, cause, confidence, rule, signal, evidence, detail, fingerprint, message, proxy, caused_by)
VALUES (:request_id, :function, :instance, :ts, :cause, :confidence, :rule, :signal, :evidence, :detail, :fingerprint, :message, :proxy, :caused_by);
