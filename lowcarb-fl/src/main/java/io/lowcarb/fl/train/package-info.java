/** A client's local training on DJL (PyTorch engine): plain SGD from the global model, with FedProx's proximal term. */
package io.lowcarb.fl.train;
