# raises: NameError
"""The post's second part as written: it uses np, and never imports numpy."""

# --8<-- [start:fail]
x_train = np.array([[4.7], [2.4], [7.5]], dtype=np.float32)
# --8<-- [end:fail]
