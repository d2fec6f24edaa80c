# raises: NameError
"""With numpy imported, the post's part two stops at its first torch line."""

# --8<-- [start:fail]
import numpy as np

x_train = np.array([[4.7], [2.4], [7.5]], dtype=np.float32)
X_train = torch.from_numpy(x_train)
# --8<-- [end:fail]
